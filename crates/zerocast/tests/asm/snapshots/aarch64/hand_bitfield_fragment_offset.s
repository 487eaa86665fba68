ldrb w8, [x0, #1]
ldrb w9, [x0]
orr w8, w9, w8, lsl #8
and w8, w8, #0xffffff1f
rev16 w0, w8
ret
