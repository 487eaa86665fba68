add x8, x0, #8
ldrh w9, [x8]
orr w9, w9, #0x1
strh w9, [x8]
ret
