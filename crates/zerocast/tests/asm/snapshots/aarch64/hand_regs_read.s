add x8, x0, #20
ldr w0, [x8]
ret
