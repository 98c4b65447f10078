# Sonic Pi's test_invert_chord.rb, its ordering case (Sonic Pi issue 2779), as a buffer.
live_loop :test do
  puts chord_invert(chord_degree(:i, :C3, :major, 5), 1) #=> (ring 52, 55, 59, 60, 62)
  puts chord_invert(chord_degree(:i, :C3, :major, 5), 2) #=> (ring 55, 59, 60, 62, 64)
  stop
end
