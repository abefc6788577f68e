#!/usr/bin/env bash
# The order `kubelint plan` computed: apply each step, waiting where a step needs an earlier one ready.
# Run from the directory kubelint was run in (paths are as it was given them).
set -euo pipefail

# Step 1: Namespaces and custom resource definitions
kubectl apply -f fixtures/stack/shop/k8s/00-namespace.yaml
sed -n '1,20p' fixtures/stack/shop/k8s/cache-crd.yaml | kubectl apply -f -

# Step 2: Claims, configuration, accounts and access rules
kubectl apply -f fixtures/stack/shop/k8s/config.yaml
sed -n '1,13p' fixtures/stack/shop/k8s/frontend.yaml | kubectl apply -f -

# Step 3: Workloads that reach no other workload of the tree, with their Services
kubectl apply -f fixtures/stack/shop/k8s/backend.yaml

# Step 4: Workloads that reach those of earlier steps, with their Services
kubectl rollout status deployment/orders -n shop --timeout=300s
sed -n '14,$p' fixtures/stack/shop/k8s/frontend.yaml | kubectl apply -f -

# Step 5: What acts on running workloads (autoscalers, budgets, custom resources, webhooks)
kubectl wait --for=condition=Established customresourcedefinition/caches.example.com --timeout=300s
sed -n '21,$p' fixtures/stack/shop/k8s/cache-crd.yaml | kubectl apply -f -
sed -n '23,$p' fixtures/stack/shop/k8s/edge.yaml | kubectl apply -f -

# Step 6: Ingresses
sed -n '1,22p' fixtures/stack/shop/k8s/edge.yaml | kubectl apply -f -
# These workloads reach each other in a circle and are applied together: Deployment cart, Deployment orders
# Unresolved: fixtures/stack/shop/k8s/edge.yaml:20:19 Ingress shop → Service admin
# Unresolved: fixtures/stack/shop/k8s/frontend.yaml:9:14 Deployment frontend → Service cartt
