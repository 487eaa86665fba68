mov word ptr [rdi], si
ret
