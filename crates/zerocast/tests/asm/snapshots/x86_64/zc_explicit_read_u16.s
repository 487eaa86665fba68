movzx eax, word ptr [rdi]
ret
