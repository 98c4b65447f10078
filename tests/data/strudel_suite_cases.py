"""Cases beside Strudel's own tests (tests/test_strudel_suite*.py) that need Strudel's answer
through `composer pattern --expr`: the functions and rules those tests brought in, recorded
from Strudel 447afbfa by `make_strudel_cases.py strudel_suite_cases` into
strudel_suite_cases.json; tests/test_strudel_cases.py checks them with the others.
"""

# (name, JavaScript, Python, cycles)
CASES = [
    ("jux rev", 'note("c3 e3").jux(rev)', 'note("c3 e3").jux(rev)', 2),
    ("juxBy", 'n("0 1 2").juxBy(0.5, fast(2))', 'n("0 1 2").jux_by(0.5, fast(2))', 2),
    ("chop 3", 's("bd sd").chop(3)', 's("bd sd").chop(3)', 2),
    ("chop patterned", 'note("c3 e3").chop("<2 3>")', 'note("c3 e3").chop("<2 3>")', 2),
    ("striate 2", 's("bd sd").striate(2)', 's("bd sd").striate(2)', 2),
    ("firstOf curried", 'mini("a b c").firstOf(3, fast(2))', 'mini("a b c").first_of(3, fast(2))', 2),
    ("firstOf toplevel", 'firstOf(2, add(3), "0 1")', 'first_of(2, add(3), "0 1")', 2),
    ("fast sequenced args", 'mini("a b").fast(1, 2)', 'mini("a b").fast(1, 2)', 2),
    ("pick lookup first", 'pick(["a b", "c d e"], "<0 1>")', 'pick(["a b", "c d e"], "<0 1>")', 2),
    ("pick lookup last", 'pick("<0 1>", ["a b", "c d e"])', 'pick("<0 1>", ["a b", "c d e"])', 2),
    ("add note names", 'mini("c e g").add(12)', 'mini("c e g").add(12)', 1),
    ("add note controls", 'note("c e g").add(note(12))', 'note("c e g").add(note(12))', 1),
    ("accidentals", 'mini("c# db e##3 fbb4").add(0)', 'mini("c# db e##3 fbb4").add(0)', 1),
    ("control plus plain", 'n("0 1").add("c4")', 'n("0 1").add("c4")', 1),
    ("mix alias", 'seq(1, 2).mix("5 6 7")', 'seq(1, 2).mix("5 6 7")', 1),
    ("out alias", 'seq(1, 2).out("5 6 7")', 'seq(1, 2).out("5 6 7")', 1),
    ("apply sequenced", 'mini("0 1 2 3").apply(fast(2), fast(3))', 'mini("0 1 2 3").apply(fast(2), fast(3))', 1),
    ("layer fast and rev", 'mini("a").layer(fast(2), rev)', 'mini("a").layer(fast(2), rev)', 1),
    ("always", 'mini("a b").always(fast(2))', 'mini("a b").always(fast(2))', 2),
    ("arpWith", 'note("<[c,e,g] [d,f,a]>").arpWith((haps) => haps[1])',
     'note("<[c,e,g] [d,f,a]>").arp_with(lambda haps: haps[1])', 2),
    ("someCycles", 'mini("a*8").someCycles(fast(2))', 'mini("a*8").some_cycles(fast(2))', 4),
    ("someCyclesBy add", 'mini("0 1 2").someCyclesBy(0.3, add(10))', 'mini("0 1 2").some_cycles_by(0.3, add(10))', 4),
    ("sometimes fast", 'mini("a b c d").sometimes(fast(2))', 'mini("a b c d").sometimes(fast(2))', 2),
    ("undegrade", 'mini("a*8").undegrade()', 'mini("a*8").undegrade()', 2),
    ("inv", 'mini("1 0 [1 0]").inv()', 'mini("1 0 [1 0]").inv()', 1),
    ("ccn ccv", 'note("c3").ccn(74).ccv("0.1 0.2")', 'note("c3").ccn(74).ccv("0.1 0.2")', 1),
    ("channel", 'note("c3 e3").channel("1 2")', 'note("c3 e3").channel("1 2")', 1),
    ("clip legato", 'note("c3 e3").legato("0.5 1").clip("<1 0.25>")', 'note("c3 e3").legato("0.5 1").clip("<1 0.25>")', 2),
    ("velocity gain", 'note("c e g").velocity("0.5 1").gain(0.8)', 'note("c e g").velocity("0.5 1").gain(0.8)', 1),
]
