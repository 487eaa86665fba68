or dword ptr [rdi + 12], 128
ret
