#!/usr/bin/env bash
# The order `kubelint plan` computed: apply each step, waiting where a step needs an earlier one ready.
# Run from the directory kubelint was run in (paths are as it was given them).
set -euo pipefail

# Step 1: Claims, configuration, accounts and access rules
kubectl apply -f fixtures/staging/k8s/pvcs/api-pv-persistentvolumeclaim.yaml
kubectl apply -f fixtures/staging/k8s/pvcs/broker-pv-persistentvolumeclaim.yaml
kubectl apply -f fixtures/staging/k8s/pvcs/rdms-pv-persistentvolumeclaim.yaml
kubectl apply -f fixtures/staging/k8s/pvcs/web-pv-persistentvolumeclaim.yaml
kubectl apply -f fixtures/staging/k8s/pvcs/worker-pv-persistentvolumeclaim.yaml
kubectl apply -f fixtures/staging/k8s/configmaps/api-multi-api-env-configmap.yaml
kubectl apply -f fixtures/staging/k8s/configmaps/monitor-multi-monitor-env-configmap.yaml
kubectl apply -f fixtures/staging/k8s/configmaps/rdms-rdms-rdms-env-configmap.yaml
kubectl apply -f fixtures/staging/k8s/configmaps/scheduler-multi-api-env-configmap.yaml
kubectl apply -f fixtures/staging/k8s/configmaps/worker-multi-worker-env-configmap.yaml

# Step 2: Workloads that reach no other workload of the tree, with their Services
kubectl apply -f fixtures/staging/k8s/services/broker-service.yaml
kubectl apply -f fixtures/staging/k8s/deployments/broker-deployment.yaml
kubectl apply -f fixtures/staging/k8s/services/web-service.yaml
kubectl apply -f fixtures/staging/k8s/deployments/web-deployment.yaml
kubectl apply -f fixtures/staging/k8s/services/rdms-service.yaml
kubectl apply -f fixtures/staging/k8s/pods/rdms-pod.yaml

# Step 3: Workloads that reach those of earlier steps, with their Services
kubectl rollout status deployment/broker --timeout=300s
kubectl wait --for=condition=Ready pod/rdms --timeout=300s
kubectl apply -f fixtures/staging/k8s/services/api-service.yaml
kubectl apply -f fixtures/staging/k8s/deployments/api-deployment.yaml
kubectl apply -f fixtures/staging/k8s/services/monitor-service.yaml
kubectl apply -f fixtures/staging/k8s/deployments/monitor-deployment.yaml
kubectl apply -f fixtures/staging/k8s/deployments/scheduler-deployment.yaml
kubectl apply -f fixtures/staging/k8s/services/worker-service.yaml
kubectl apply -f fixtures/staging/k8s/deployments/worker-deployment.yaml

# Step 4: Ingresses
kubectl apply -f fixtures/staging/k8s/ingresscontroller/ingress-controller.yaml
