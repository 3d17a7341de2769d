// The offline feature's public face: install button, update prompt, resuming the last route.

export { InstallButton } from './InstallButton.tsx'
export { useResumeLastRoute } from './last-route.ts'
export { UpdatePrompt } from './UpdatePrompt.tsx'
