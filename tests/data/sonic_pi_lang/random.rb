# Sonic Pi's test_random.rb as a buffer. Each puts line's comment is what Sonic Pi's log shows.
live_loop :test do
  use_random_seed 0                # Sonic Pi's tests run in a thread seeded 0
  use_random_source :white
  rand_reset
  puts rand                        #=> 0.75006103515625
  puts rand                        #=> 0.733917236328125
  puts rand                        #=> 0.464202880859375
  puts rand                        #=> 0.24249267578125
  use_random_source :pink
  rand_reset
  puts rand                        #=> 0.47808837890625
  puts rand                        #=> 0.56011962890625
  use_random_source :light_pink
  rand_reset
  puts rand                        #=> 0.53851318359375
  puts rand                        #=> 0.54705810546875
  use_random_source :dark_pink
  rand_reset
  puts rand                        #=> 0.442596435546875
  puts rand                        #=> 0.443756103515625
  use_random_source :perlin
  rand_reset
  puts rand                        #=> 0.546478271484375
  puts rand                        #=> 0.573150634765625
  with_random_source :white do
    puts rand                      #=> 0.464202880859375
  end
  puts rand                        #=> 0.597015380859375
  puts current_random_source       #=> :perlin
  use_random_source :white
  rand_reset
  puts rand                        #=> 0.75006103515625
  rand_skip
  puts rand                        #=> 0.464202880859375
  rand_reset
  puts rand                        #=> 0.75006103515625
  rand_skip(2)
  puts rand                        #=> 0.24249267578125
  rand_reset
  99.times { rand }
  a = rand
  rand_reset
  rand_skip(99)
  puts rand == a                   #=> true
  rand_reset
  a = rand
  b = rand
  c = rand
  rand_back
  puts rand == c                   #=> true
  rand_back(2)
  puts([rand == b, rand == c])     #=> [true, true]
  rand_back(3)
  puts([rand, rand, rand] == [a, b, c]) #=> true
  puts rrand(1, 1) == 1            #=> true
  puts rrand_i(1, 1)               #=> 1
  puts rand_i(0)                   #=> 0
  puts rand_i(1.5).is_a?(Integer)  #=> true
  rand_reset
  puts rand_look                   #=> 0.75006103515625
  rand_reset
  puts rand_look(0.5)              #=> 0.375030517578125
  rand_reset
  puts rand_i_look                 #=> 1
  rand_reset
  puts rand_i_look(100)            #=> 75
  stop
end
