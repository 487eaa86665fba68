mov byte ptr [rdi], sil
ret
