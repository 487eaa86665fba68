movzx eax, word ptr [rdi]
and eax, -65
shl esi, 6
or esi, eax
mov word ptr [rdi], si
ret
