# Compare-Lab (issue 5): two orders of a procedure from the same checkpoint, compared.
Checkpoint-Lab start
# Order A: the cluster tools move the CMS.
Move-ClusterGroup E2K7CCR -Node NODE2 -WarningAction SilentlyContinue | Out-Null
Checkpoint-Lab a
Restore-Lab start
# Order B: stop the CMS, restart its node (the stopped group goes to NODE2 with the
# Cluster Group), start it there.
Stop-ClusteredMailboxServer E2K7CCR -StopReason 'order B' -Confirm:$false
Restart-Computer -ComputerName NODE1 -Wait
Start-ClusteredMailboxServer E2K7CCR
Checkpoint-Lab b
Compare-Lab a b | ForEach-Object { '{0} | {1} | {2} | {3}' -f $_.Object, $_.Property, $_.Reference, $_.Difference }
# CHECK: group Cluster Group | owner | NODE1 | NODE2
# CHECK: lab | clock | 03/15/2008 22:03:28 | 03/15/2008 22:07:48
# CHECK: downtime E2K7CCR | planned | 00:03:28 | 00:07:48
# The same checkpoint twice: no difference.
@(Compare-Lab a a).Count
# CHECK: 0
# Against the lab now (B was the last state): the same list.
@(Compare-Lab a).Count
# CHECK: 3
Compare-Lab nope
# CHECKERR: There is no checkpoint named 'nope' (checkpoints: start, a, b).
