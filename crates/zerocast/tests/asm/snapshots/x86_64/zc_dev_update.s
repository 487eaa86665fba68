or word ptr [rdi + 8], 1
ret
