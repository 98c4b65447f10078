# Sonic Pi's test_chance.rb as a buffer.
live_loop :test do
  use_random_seed 0
  rand_reset
  puts((1..500).map { one_in(0) or one_in(-1) }.include?(true)) #=> false
  rand_reset
  puts pick([1, 2, 3]).to_a        #=> [3]
  rand_reset
  puts pick([1, 2, 3], 1).to_a     #=> [3]
  rand_reset
  puts pick([1, 2, 3], 2).to_a     #=> [3, 3]
  rand_reset
  puts pick([1, 2, 3], 3).to_a     #=> [3, 3, 2]
  rand_reset
  puts pick([1, 2, 3], 5).to_a     #=> [3, 3, 2, 1, 1]
  rand_reset
  puts pick([1, 2, 3], 4, skip: 1).to_a #=> [3, 2, 1, 1]
  stop
end
