rev w8, w1
lsr w9, w8, #24
strb w8, [x0]
lsr w10, w8, #16
lsr w8, w8, #8
strb w9, [x0, #3]
strb w10, [x0, #2]
strb w8, [x0, #1]
ret
