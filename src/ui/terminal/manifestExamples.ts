/** Manifests to start from in the editor: the objects the course applies, one that fits nowhere, and one whose liveness probe fails. */
export const MANIFEST_EXAMPLES = {
  deployment: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  labels:
    app: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
`,
  service: `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  selector:
    app: hello
  ports:
    - port: 80
      targetPort: 80
`,
  nodeSelector: `apiVersion: v1
kind: Pod
metadata:
  name: pinned
  labels:
    app: pinned
spec:
  nodeSelector:
    kubernetes.io/hostname: minikube-m02
  containers:
    - name: nginx
      image: nginx:1.27
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
`,
  fitsNowhere: `apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      resources:
        requests:
          cpu: "64"
          memory: 256Gi
`,
  // The Kubernetes docs' liveness example: healthy for 30 s, then kubelet restarts it.
  liveness: `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
  labels:
    test: liveness
spec:
  containers:
    - name: liveness
      image: registry.k8s.io/busybox:1.27.2
      args:
        - /bin/sh
        - -c
        - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
      livenessProbe:
        exec:
          command:
            - cat
            - /tmp/healthy
        initialDelaySeconds: 5
        periodSeconds: 5
`,
} as const;

export type ExampleName = keyof typeof MANIFEST_EXAMPLES;
