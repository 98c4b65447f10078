# Sonic Pi's test_invert_chord.rb and test_chord.rb as a buffer.
live_loop :test do
  puts chord_invert(chord(:C4, :major), 0) #=> (ring 60, 64, 67)
  puts chord_invert(chord(:C4, :major), 1) #=> (ring 64, 67, 72)
  puts chord_invert(chord(:C4, :major), 2) #=> (ring 67, 72, 76)
  puts chord_invert(chord(:C4, :major), -1).sort #=> (ring 55, 60, 64)
  puts chord_invert(chord(:C4, :major), -2).sort #=> (ring 52, 55, 60)
  puts chord_invert(chord(:C4, :major), -3).sort #=> (ring 48, 52, 55)
  puts chord_invert(chord(:C4, "1"), 1) #=> (ring 72)
  puts chord_invert(chord(:C4, "1"), -1) #=> (ring 48)
  puts chord(:e3, :minor, invert: 1) #=> (ring 55, 59, 64)
  puts chord(:C4, :major)          #=> (ring 60, 64, 67)
  puts chord(60, :major)           #=> (ring 60, 64, 67)
  puts chord_degree(:i, :C4, :major, 3) #=> (ring 60, 64, 67)
  puts chord_degree(:ii, :C4, :major, 3) #=> (ring 62, 65, 69)
  puts chord_degree(5, :D4, :major, 4) #=> (ring 69, 73, 76, 79)
  puts chord_degree(:vii, :D4, :major, 4) #=> (ring 73, 76, 79, 83)
  puts chord_degree(:vii, :F4, :ionian, 4) #=> (ring 76, 79, 82, 86)
  stop
end
