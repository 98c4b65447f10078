# Sonic Pi's test_quantise.rb as a buffer.
live_loop :test do
  puts quantise(10, 1)             #=> 10
  puts quantise(10, 1.1)           #=> 9.9
  puts quantise(13.3212, 0.1)      #=> 13.3
  puts quantise(13.3212, 0.2)      #=> 13.4
  puts quantise(13.3212, 0.3)      #=> 13.2
  puts quantise(13.3212, 0.5)      #=> 13.5
  stop
end
