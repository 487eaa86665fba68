mov eax, edi
and al, -4
or al, sil
ret
