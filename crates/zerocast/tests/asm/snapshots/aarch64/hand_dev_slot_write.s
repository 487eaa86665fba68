cmp x1, #7
b.hi L0
add x8, x0, x1, lsl #3
add x8, x8, #16
str x2, [x8]
L0:
ret
