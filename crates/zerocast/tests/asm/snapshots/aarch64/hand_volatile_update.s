ldrh w8, [x0, #8]
orr w8, w8, #0x1
strh w8, [x0, #8]
ret
