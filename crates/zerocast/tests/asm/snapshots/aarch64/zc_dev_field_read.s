add x8, x0, #4
ldr w0, [x8]
ret
