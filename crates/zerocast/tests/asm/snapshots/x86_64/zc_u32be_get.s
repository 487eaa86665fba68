mov eax, dword ptr [rdi]
bswap eax
ret
