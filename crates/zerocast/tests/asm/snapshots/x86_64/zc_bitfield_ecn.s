movzx eax, byte ptr [rdi]
and al, 3
ret
