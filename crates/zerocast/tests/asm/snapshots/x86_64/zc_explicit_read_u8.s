movzx eax, byte ptr [rdi]
ret
