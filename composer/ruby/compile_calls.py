"""How the evaluator compiles calls and blocks: arguments and trailing options, calls with and
without a receiver, `do |x| ... end` blocks and their parameters, `def`, lambdas. A mixin of
Compiler (composer/ruby/compiler.py); the calls themselves go to composer/ruby/bridge.py."""

from __future__ import annotations

from composer.ruby.methods import send
from composer.ruby.nodes import constant as _constant, node_line as _line, node_text as _text
from composer.ruby.scope import MISSING, NextJump, Scope
from composer.ruby.values import Symbol


class Calls:
    def arguments(self, node):
        """(positional closures, keyword (name, closure) pairs, block-argument closure)."""
        positional, keywords, block_argument = [], [], None
        if node is None:
            return positional, keywords, block_argument
        hash_pairs = []
        for child in node.named_children:
            kind = child.type
            if kind == "comment":
                continue
            if kind == "pair":
                key = child.child_by_field_name("key")
                if key.type in ("hash_key_symbol", "simple_symbol"):
                    keywords.append((_text(key).strip(":"), self.compile(child.child_by_field_name("value"))))
                else:
                    hash_pairs.append(self.pair(child))
            elif kind == "block_argument":
                if not child.named_children:
                    raise self.unsupported(child, "an anonymous block argument")
                given = self.compile(child.named_children[0])

                def block_argument(scope, given=given):
                    value = given(scope)
                    if isinstance(value, str):  # `&:even?`: the method of that name
                        return lambda item, *rest: send(item, str(value), rest, None, None)
                    return value

            elif kind in ("splat_argument", "hash_splat_argument", "forward_argument"):
                raise self.unsupported(child, "splat arguments")
            else:
                positional.append(self.compile(child))
        if hash_pairs:  # `"name" => value` options: Ruby passes one trailing hash
            pairs = hash_pairs + [(_constant(Symbol(k)), v) for k, v in keywords]
            positional.append(lambda scope: {k(scope): v(scope) for k, v in pairs})
            keywords = []
        return positional, keywords, block_argument

    def call(self, node):
        receiver_node = node.child_by_field_name("receiver")
        method_node = node.child_by_field_name("method")
        if method_node is None:
            raise self.unsupported(node)
        name = _text(method_node)
        line = _line(node)
        positional, keywords, block_argument = self.arguments(node.child_by_field_name("arguments"))
        block_node = node.child_by_field_name("block")
        block = self.block(block_node) if block_node is not None else block_argument
        if receiver_node is None and name == "play" and keywords and not positional:
            # `play release: 0.1`: Ruby passes one hash, and Sonic Pi plays its note: (else 52)
            pairs = keywords
            positional, keywords = [lambda scope: {key: value(scope) for key, value in pairs}], []
        if receiver_node is None:
            native = self.bridge.native_form(name, positional, keywords, block, line)
            if native is not None:
                return native
            return self.function_call(name, _evaluator(positional), _options(keywords), block)
        receiver = self.compile(receiver_node)
        arguments, options = _evaluator(positional), _options(keywords)
        if not positional and not keywords and block is None:
            return lambda scope: send(receiver(scope), name, (), None, None)
        return lambda scope: send(receiver(scope), name, arguments(scope), options(scope), block and block(scope))

    def function_call(self, name, arguments, options, block):
        """A call without a receiver. The common case (a namespace function, no block) is direct;
        the rest (`define`d functions, blocks, names to resolve) goes through Bridge.call."""
        bridge = self.bridge
        functions, names, slow = bridge.functions, bridge.names, bridge.call
        if block is not None:
            return lambda scope: slow(name, arguments(scope), options(scope), block(scope))

        def call(scope):
            if name not in functions:
                target = names.get(name)
                if target is not None:
                    args, kwargs = arguments(scope), options(scope)
                    try:
                        return target(*args, **kwargs) if kwargs else target(*args)
                    except TypeError as error:
                        return bridge.without_unknown_options(name, target, args, kwargs, error)
            return slow(name, arguments(scope), options(scope), None)

        return call

    def element_reference(self, node):
        owner_node = node.child_by_field_name("object")
        index = [self.compile(c) for c in node.named_children[1:] if c.type != "comment"]
        if owner_node.type == "identifier" and _text(owner_node) == "get" and len(index) == 1:
            return self.time_state_get(index[0])  # Sonic Pi's `get[:foo]` is `get(:foo)`
        owner = self.compile(owner_node)
        if len(index) == 1:
            key = index[0]
            return lambda scope: send(owner(scope), "[]", (key(scope),), None, None)
        return lambda scope: send(owner(scope), "[]", [i(scope) for i in index], None, None)

    def time_state_get(self, key):
        read = self.function_call("get", lambda scope: (key(scope),), lambda scope: None, None)

        def get(scope):
            local = scope.get("get")
            return read(scope) if local is MISSING else send(local, "[]", (key(scope),), None, None)

        return get

    def block(self, node):
        """A closure that, in a scope, makes the block a Python callable (`do |x| ... end`)."""
        bind = self.parameters(node.child_by_field_name("parameters"))
        body = self.body(node.child_by_field_name("body"))
        return lambda scope: make_block(bind, body, scope)

    def parameters(self, node):
        """A binder (scope, args) -> None for block or method parameters (None: no parameters)."""
        if node is None or not node.named_children:
            return None
        simple, names, options, rest = True, [], [], None
        for child in node.named_children:
            if child.type == "identifier":
                names.append(_text(child))
                options.append(None)
            elif child.type == "optional_parameter":
                simple = False
                names.append(_text(child.child_by_field_name("name")))
                options.append(self.compile(child.child_by_field_name("value")))
            elif child.type == "splat_parameter" and child.child_by_field_name("name") is not None:
                simple = False
                rest = _text(child.child_by_field_name("name"))
            elif child.type == "comment":
                continue
            else:
                raise self.unsupported(child, "this kind of parameter")
        count = len(names)

        def bind(scope, args):
            if len(args) == 1 and count > 1 and isinstance(args[0], (list, tuple)):
                args = args[0]  # a block's one array argument spreads over its parameters
            variables = scope.vars
            if simple:
                for index, name in enumerate(names):
                    variables[name] = args[index] if index < len(args) else None
                return
            for index, name in enumerate(names):
                if index < len(args):
                    variables[name] = args[index]
                else:
                    default = options[index]
                    variables[name] = None if default is None else default(scope)
            if rest is not None:
                variables[rest] = list(args[count:])

        return bind

    def method(self, node):
        """`def name(params) ... end`: a function of the buffer, as `define` makes."""
        name = _text(node.child_by_field_name("name"))
        bind = self.parameters(node.child_by_field_name("parameters"))
        body = self.body(node.child_by_field_name("body"))
        define = self.bridge.define
        return lambda scope: define(name, make_block(bind, body, scope))

    def lambda_(self, node):
        bind = self.parameters(node.child_by_field_name("parameters"))
        body_node = node.child_by_field_name("body")
        body = self.body(body_node.child_by_field_name("body"))
        return lambda scope: make_block(bind, body, scope)


def _evaluator(positional):
    """scope -> the positional arguments' values."""
    if not positional:
        return lambda scope: ()
    if len(positional) == 1:
        only = positional[0]
        return lambda scope: (only(scope),)
    return lambda scope: [p(scope) for p in positional]


def _options(keywords):
    """scope -> the trailing options as keyword arguments (None when there are none)."""
    if not keywords:
        return lambda scope: None
    return lambda scope: {k: v(scope) for k, v in keywords}


def make_block(bind, body, scope: Scope):
    """A Ruby block as a Python function; missing arguments are nil, extra ones ignored."""
    if bind is None:
        def block(*args):
            try:
                return body(Scope(scope))
            except NextJump as jump:
                return jump.value
    else:
        def block(*args):
            inner = Scope(scope)
            bind(inner, args)
            try:
                return body(inner)
            except NextJump as jump:
                return jump.value
    return block
