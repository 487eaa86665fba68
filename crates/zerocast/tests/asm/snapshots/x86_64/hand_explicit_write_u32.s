mov dword ptr [rdi], esi
ret
