ldr x8, [x0]
add x9, x0, #8
ldr x9, [x9]
stp x8, x9, [x1]
ret
