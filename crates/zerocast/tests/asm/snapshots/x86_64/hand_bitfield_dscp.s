mov eax, edi
shr al, 2
ret
