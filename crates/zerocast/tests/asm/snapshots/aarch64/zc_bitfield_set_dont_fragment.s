ldrb w9, [x0, #1]
ldrb w10, [x0]
mov w8, #64
cmp w1, #0
orr w9, w10, w9, lsl #8
csel w8, w8, wzr, ne
and w9, w9, #0xffffffbf
orr w8, w9, w8
lsr w9, w9, #8
strb w8, [x0]
strb w9, [x0, #1]
ret
