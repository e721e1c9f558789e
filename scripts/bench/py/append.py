parts = []
for i in range(1, 100001):
    parts += ["item%d" % i]
print(len(",".join(parts)))
