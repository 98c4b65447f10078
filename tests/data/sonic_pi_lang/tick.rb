# Sonic Pi's test_tick.rb as a buffer.
live_loop :test do
  tick_reset
  puts look                        #=> 0
  tick_reset_all
  tick_set 40
  puts look                        #=> 40
  tick_reset_all
  puts tick_set(40)                #=> 40
  tick_reset_all
  puts tick_reset                  #=> nil
  puts tick_reset_all              #=> nil
  tick_reset_all
  puts([look, look(:foo), tick, tick(:foo), tick, tick(:foo)]) #=> [0, 0, 0, 0, 1, 1]
  tick_reset_all
  puts([look(:foo), look(:bar)])   #=> [0, 0]
  puts([tick, tick, tick, tick])   #=> [0, 1, 2, 3]
  tick_reset
  puts tick                        #=> 0
  tick_reset_all
  puts([tick, look, tick, look])   #=> [0, 0, 1, 1]
  tick_reset
  puts([look, tick, look])         #=> [0, 0, 0]
  tick_reset_all
  puts([tick(:foo), tick(:foo), tick(:foo), tick(:bar), tick(:baz), tick(:foo), tick(:bar)]) #=> [0, 1, 2, 0, 0, 3, 1]
  tick_reset
  puts([tick(:foo), tick(:bar), tick(:baz)]) #=> [4, 2, 1]
  tick_reset_all
  puts([tick(:foo), tick(:bar)])   #=> [0, 0]
  tick_reset_all
  puts([tick("foo"), tick(:foo), look("foo"), look(:foo)]) #=> [0, 1, 1, 1]
  tick_reset_all
  tick(:foo, step: 5)
  5.times do
    tick
  end
  puts([look(:foo), look])         #=> [4, 4]
  puts([tick(:foo), look(:foo), tick, look]) #=> [5, 5, 5, 5]
  tick_reset_all
  5.times { tick }
  tick(step: -1)
  puts look                        #=> 3
  tick_reset_all
  puts((ring 1, 2, 3).tick)        #=> 1
  puts "x--x".ring.tick(:s)        #=> "x"
  puts [:a, :b].tick(:l)           #=> :a
  puts((0..3).tick(:r))            #=> 0
  stop
end
