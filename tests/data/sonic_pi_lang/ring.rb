# Sonic Pi's test_ring.rb as a buffer.
live_loop :test do
  puts stretch([:e1, :e2], 3)      #=> (ring :e1, :e1, :e1, :e2, :e2, :e2)
  puts stretch([:a2, :a3], 2, [:a1, :a4], 3) #=> (ring :a2, :a2, :a3, :a3, :a1, :a1, :a1, :a4, :a4, :a4)
  puts stretch(:a2, 2)             #=> (ring :a2, :a2)
  puts knit(:e1, 3)                #=> (ring :e1, :e1, :e1)
  puts knit(:e1, 3, :c1, 2)        #=> (ring :e1, :e1, :e1, :c1, :c1)
  puts knit(:e2, -1, :c1, 3)       #=> (ring :c1, :c1, :c1)
  puts range(1, 5) == (ring 1.0, 2.0, 3.0, 4.0) #=> true
  puts range(1, 5, inclusive: true) == (ring 1, 2, 3, 4, 5) #=> true
  puts range(1, 5, step: 2) == (ring 1, 3) #=> true
  puts range(1, -5, step: -2) == (ring 1, -1, -3) #=> true
  puts range(10, 50, step: 10) == (ring 10, 20, 30, 40) #=> true
  puts range(1, 5, step: -1) == (ring 1, 2, 3, 4) #=> true
  puts range(10, 10, step: -1).to_a #=> []
  puts line(0, 4, steps: 4) == (ring 0, 1, 2, 3) #=> true
  puts line(0, 4, steps: 5, inclusive: true) == (ring 0, 1, 2, 3, 4) #=> true
  puts line(0, 4, steps: 8) == (ring 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5) #=> true
  puts line(5, 0, steps: 5) == (ring 5, 4, 3, 2, 1) #=> true
  puts [1, 2, 3].ring.ring.ring    #=> (ring 1, 2, 3)
  puts bools(1, 0, 1)              #=> (ring true, false, true)
  puts bools(true, nil, true)      #=> (ring true, false, true)
  puts bools(:a, 1, nil, true, 0)  #=> (ring true, true, false, true, false)
  puts spread(3, 8).map { |b| b ? "x" : "." }.to_a.join #=> "x..x..x."
  puts spread(5, 12).map { |b| b ? "x" : "." }.to_a.join #=> "x..x.x..x.x."
  puts spread(13, 24).map { |b| b ? "x" : "." }.to_a.join #=> "x.xx.x.x.x.x.xx.x.x.x.x."
  puts(((ring 1, 2, 3) + 10) == (ring 11, 12, 13)) #=> true
  puts (ring 1, 2, 3) + (ring 4)   #=> (ring 1, 2, 3, 4)
  puts (ring 1, 2, 3)[4]           #=> 2
  puts (ring 1, 2, 3).reverse      #=> (ring 3, 2, 1)
  puts (ring 1, 2, 3).rotate       #=> (ring 2, 3, 1)
  puts (ring 1, 2, 3).mirror       #=> (ring 1, 2, 3, 3, 2, 1)
  puts (ring 1, 2, 3).reflect      #=> (ring 1, 2, 3, 2, 1)
  puts (ring 1, 2, 3).butlast      #=> (ring 1, 2)
  puts (ring 1, 2, 3).take(5)      #=> (ring 1, 2, 3, 1, 2)
  puts(((ring 10, 20, 30) - 5) == (ring 5, 15, 25)) #=> true
  puts (ring 1, 2, 3) - (ring 1)   #=> (ring 2, 3)
  puts (ring 1, 2, 3) - (ring 10)  #=> (ring 1, 2, 3)
  puts (ring 1, 2, 3).take(-2)     #=> (ring 3, 2)
  puts (ring 1, 2, 3).take(-5)     #=> (ring 3, 2, 1, 3, 2)
  puts (ring 1, 2, 3).take(0)      #=> (ring)
  puts (ring 3, 2, 1).reverse      #=> (ring 1, 2, 3)
  puts((ring 1, 2, 3).scale(2) == (ring 2, 4, 6)) #=> true
  puts((ring 1, 2, 3).scale(-2) == (ring -2, -4, -6)) #=> true
  puts ramp(1, 2, 3)[100]          #=> 3
  tick_reset_all
  r = ramp(1, 2, 3)
  puts([r.tick, r.tick, r.tick, r.tick]) #=> [1, 2, 3, 3]
  puts (ring 1, 2, 3).ramp[9]      #=> 3
  puts ring()[0]                   #=> nil
  stop
end
