interface PagerProps {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}

export default function Pager(props: PagerProps) {
  return (
    <nav>
      <button disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </button>
      <span>
        {props.page} / {props.pageCount}
      </span>
      <button disabled={props.page >= props.pageCount} onClick={() => props.onPage(props.page + 1)}>
        Next
      </button>
    </nav>
  );
}
