add x8, x0, #12
ldr w9, [x8]
orr w9, w9, #0x80
str w9, [x8]
ret
