/** Manifests to start from in the editor: the objects the course applies, and one that fits nowhere. */
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
} as const;

export type ExampleName = keyof typeof MANIFEST_EXAMPLES;
