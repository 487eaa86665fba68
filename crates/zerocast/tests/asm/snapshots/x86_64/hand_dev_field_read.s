mov eax, dword ptr [rdi + 4]
ret
