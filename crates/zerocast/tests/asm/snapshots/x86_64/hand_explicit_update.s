add rdi, 8
movzx eax, word ptr [rdi]
or eax, 1
mov word ptr [rdi], ax
ret
