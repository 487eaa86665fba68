mov eax, dword ptr [rdi + 20]
ret
