ldrb w8, [x0, #1]
ldrb w9, [x0]
ldrb w10, [x0, #3]
ldrb w11, [x0, #2]
ldrb w12, [x0, #5]
ldrb w13, [x0, #4]!
orr x8, x9, x8, lsl #8
ldrb w14, [x0, #2]
lsl x11, x11, #16
ldrb w15, [x0, #3]
lsl w14, w14, #16
orr x9, x11, x10, lsl #24
orr w10, w13, w12, lsl #8
orr w11, w14, w15, lsl #24
orr x8, x9, x8
orr w9, w11, w10
orr x0, x8, x9, lsl #32
ret
