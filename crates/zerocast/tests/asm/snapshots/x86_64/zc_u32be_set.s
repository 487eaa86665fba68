bswap esi
mov dword ptr [rdi], esi
ret
