movzx eax, word ptr [rdi]
and eax, 65311
rol ax, 8
ret
