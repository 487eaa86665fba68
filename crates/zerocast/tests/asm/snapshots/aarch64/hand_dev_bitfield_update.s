ldr w8, [x0]
orr w8, w8, #0x1
str w8, [x0]
ret
