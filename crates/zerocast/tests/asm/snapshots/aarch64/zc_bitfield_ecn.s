ldrb w8, [x0]
and w0, w8, #0x3
ret
