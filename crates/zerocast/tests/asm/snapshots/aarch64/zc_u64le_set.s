lsr x8, x1, #40
lsr x9, x1, #24
strb w1, [x0]
strb w8, [x0, #5]
lsr x8, x1, #16
strb w9, [x0, #3]
lsr x9, x1, #8
strb w8, [x0, #2]
lsr x8, x1, #32
strb w9, [x0, #1]
lsr x9, x1, #56
strb w8, [x0, #4]!
lsr x8, x1, #48
strb w9, [x0, #3]
strb w8, [x0, #2]
ret
