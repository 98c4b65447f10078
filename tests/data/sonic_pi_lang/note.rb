# Sonic Pi's test_note.rb (both), test_note_info.rb and test_note_range.rb as a buffer.
live_loop :test do
  puts note(:c4)                   #=> 60
  puts note(:c, octave: 5)         #=> 72
  puts note(:e3)                   #=> 52
  puts note(:Fs4)                  #=> 66
  puts note(nil)                   #=> nil
  puts note(60.2)                  #=> 60.2
  puts([note(:C, octave: 0), note(:C, octave: -1), note(:cs, octave: 4), note(:Cs4), note(:cs4)]) #=> [12, 0, 61, 61, 61]
  puts([note(:C4, octave: 4), note(:C6, octave: 4), note("C", octave: 0), note("cs4"), note("C6", octave: 4)]) #=> [60, 60, 12, 61, 60]
  puts([note(":C", octave: 4), note(":cs4"), note(":C6", octave: 4)]) #=> [60, 61, 60]
  puts note_info(:C7).octave       #=> 7
  puts note_info("C7").octave      #=> 7
  puts note_info(96).octave        #=> 7
  puts note_info(96, octave: 7).octave #=> 7
  puts note_info(:C, octave: 7).octave #=> 7
  puts note_info("C", octave: 7).octave #=> 7
  puts note_range(:c4, :c5) == (ring 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72) #=> true
  puts note_range(:c5, :c4).to_a == (60..72).to_a.reverse #=> true
  puts note_range(:c4, :c5, pitches: chord(:c, :major)) #=> (ring 60, 64, 67, 72)
  puts note_range(:c5, :c4, pitches: chord(:c, :major)) #=> (ring 72, 67, 64, 60)
  puts note_range(:c4, :c5, pitches: scale(:c, :major)) #=> (ring 60, 62, 64, 65, 67, 69, 71, 72)
  puts note_range(:c4, :c5, pitches: [:g3]) #=> (ring 67)
  puts note_range(:c4, :c6, pitches: chord(:c, :major)) #=> (ring 60, 64, 67, 72, 76, 79, 84)
  stop
end
