// A failure shown where the teacher will see it, with a button to dismiss it.

export function FailureNotice(props: { message: string; closeLabel: string; onClose: () => void }) {
  return (
    <div className="form-error" role="alert">
      {props.message}{' '}
      <button type="button" className="link-button" onClick={props.onClose}>
        {props.closeLabel}
      </button>
    </div>
  )
}
