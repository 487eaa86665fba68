strh w1, [x0]
ret
