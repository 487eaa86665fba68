and w8, w0, #0xfffffffc
orr w0, w8, w1
ret
