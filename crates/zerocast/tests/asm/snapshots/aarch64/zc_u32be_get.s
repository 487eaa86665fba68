ldrb w8, [x0, #2]
ldrb w9, [x0, #1]
ldrb w10, [x0]
ldrb w11, [x0, #3]
lsl w8, w8, #16
orr w9, w10, w9, lsl #8
orr w8, w8, w11, lsl #24
orr w8, w8, w9
rev w0, w8
ret
